// The site's own stylesheet (static/css), checked by `make lint`.
export default {
  extends: ["stylelint-config-standard"],
  rules: {
    // Class names are BEM: block, block__element, block--modifier (all kebab-case inside).
    "selector-class-pattern": [
      "^[a-z][a-z0-9]*(-[a-z0-9]+)*(__[a-z0-9]+(-[a-z0-9]+)*)?(--[a-z0-9]+(-[a-z0-9]+)*)?$",
      { message: "Expected a BEM class name such as block__element--modifier" },
    ],
    // The sheet is ordered by component (header, article, comments, footer...), not by
    // specificity; each component's rules are scoped, so order across them does not decide.
    "no-descending-specificity": null,
    // min-width/max-width media queries: range syntax would drop browsers a few years old.
    "media-feature-range-notation": "prefix",
  },
};

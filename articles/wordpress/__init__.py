"""Moving in from WordPress: read a WXR export (parser), turn post HTML into the article
body (body), bring the uploads into the image library (media) and create or update pages,
authors, categories, tags, SEO fields and redirects (importer). Comments are the comments
app's business (`comments.wordpress`); the `import_wordpress` command joins the two."""

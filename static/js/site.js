// Progressive enhancements only: every feature works without this file.

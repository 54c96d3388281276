"""Readiness checks: one set of rules over an article, shared by the editor's Checks panel,
the edit view's readiness panel, the page listing's score column and the readiness report.
`checks` holds the rules, `facts` what they read, `evaluate` runs them for one page."""

"""Defences shared by the forms anonymous visitors post (comments and leads).

Neither app owns them: both import from here, and nothing here imports either app.
"""

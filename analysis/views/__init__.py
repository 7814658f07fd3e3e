"""Views: what the notebooks and the report show (prose, tables, charts, HTML), built from the tables."""

"""Stages: one module per table family, each a pure function of documents (and the tables it needs)."""

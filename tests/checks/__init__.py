"""Tests of the consistency checks (``termwise.checks``)."""

"""Test support shared across areas: builders of small real artefacts (Argos packages)."""

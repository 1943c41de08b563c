"""termwise: a translator's workbench for terminology-aware review of machine translation."""

__version__ = "0.1.0"

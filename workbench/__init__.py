"""workbench: a translation and alignment workbench for English, Arabic and Central Kurdish."""

__version__ = "0.1.0"

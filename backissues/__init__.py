"""backissues: raw OCR newspaper pages in, a static archive site out."""
__version__ = "0.1.0"

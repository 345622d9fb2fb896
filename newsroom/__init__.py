"""Newsroom: outlets, source documents, citations of sources, publishing states."""

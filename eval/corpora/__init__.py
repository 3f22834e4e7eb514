"""Evaluation corpora beyond the shipped corpus/: the development corpus of laws and regulations (laws/)."""

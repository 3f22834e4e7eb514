"""Extractive answers: scored evidence sentences, the shape of each question type, citations."""

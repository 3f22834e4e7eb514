"""Domain views over the whole corpus (duties, deadlines, targets, obligations, compare) and their tables."""

"""Training quizzes from the domain records: facts, distractors, items, and their renderings."""

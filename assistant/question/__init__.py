"""What a question asks: its analysis (analyse.py), its kind (kinds.py), its weighted terms
(terms.py), its premises (premises.py), the glossary, and follow-ups made standalone."""

"""The optional LLM mode: a chat model rewrites the extractive answer; a verifier checks each sentence."""

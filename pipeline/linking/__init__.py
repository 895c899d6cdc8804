"""Linking stored claims: embeddings, the vector index, and (next) clusters, conflicts and fact-checks."""

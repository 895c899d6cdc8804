"""The pipeline's stages, one module each; importing a module registers its spaCy factory."""

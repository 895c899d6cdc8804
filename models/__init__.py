"""newsclaims data files (word lists, patterns, weights, settings), installed as the package `pipeline.models`
and read through `pipeline.resources`."""

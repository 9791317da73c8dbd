"""Spot the Claim build tools: load, check and render exercises for the MkDocs site."""

"""The MkDocs plugin: the only part of the project that imports mkdocs."""

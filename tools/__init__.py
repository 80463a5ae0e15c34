"""Repository tools (documentation generators); not part of the shipped package."""

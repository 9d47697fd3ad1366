"""Use-cases: take a Journal, return models. Never print, prompt or exit."""

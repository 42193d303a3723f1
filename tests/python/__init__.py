"""Integration tests of custom_components/llm_ops."""

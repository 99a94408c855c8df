"""Renderers read a Report and never compute."""

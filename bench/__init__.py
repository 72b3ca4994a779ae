"""Benchmarks of the dashboard against reference apps measured in the same run.

Run ``python -m bench`` (see ``docs/performance.md``). Every figure is a median over several
runs with its min–max, and the dashboard's figures are reported as ratios to the framework
floor and to the reference map apps (folium, plotly, pydeck) measured minutes apart on the
same machine, so that the budgets in ``bench/budgets.py`` hold on a noisy machine.
"""

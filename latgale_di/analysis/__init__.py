"""What the figures mean: metrics (pure formulas), the indicator table, the figure layer that gives one
figure per unit and year, and each page's domain logic (overview, basket, demand, occupancy,
investment, profile, trends, scenario, DI progress, nearby choices, dated statements)."""

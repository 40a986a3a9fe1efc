"""Full screens: one module per place the facilitator can be."""

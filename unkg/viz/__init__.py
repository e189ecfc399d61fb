"""Pictures of the links between resolutions and meetings."""

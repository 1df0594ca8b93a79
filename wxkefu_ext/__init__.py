"""wxkefu_ext: the hand-written layer around the generated Kf client."""

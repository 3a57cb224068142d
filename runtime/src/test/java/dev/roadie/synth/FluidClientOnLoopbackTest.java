package dev.roadie.synth;

class FluidClientOnLoopbackTest extends FluidClientContract {
  @Override
  boolean exposed() {
    return false;
  }
}

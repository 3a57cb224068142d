package dev.roadie.synth;

class FluidClientExposedTest extends FluidClientContract {
  @Override
  boolean exposed() {
    return true;
  }
}

package dev.roadie.ops;

/** Where ops records what a playbook did while an incident is open: each action and its result. */
interface Timeline {
  Timeline NONE = (action, result) -> {};

  void record(String action, String result);
}

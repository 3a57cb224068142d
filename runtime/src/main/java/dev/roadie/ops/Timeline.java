package dev.roadie.ops;

/** Where ops records what a playbook did while an incident is open: each action and its result. */
interface Timeline {
  Timeline NONE = (action, result) -> {};

  /** How a result starts when the change was only planned (a dry run): the incident counts them. */
  String PLANNED = "would do (dry run)";

  void record(String action, String result);
}

package dev.roadie.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputTailTest {
  @Test
  void keepsEverythingWhileItFits() {
    OutputTail tail = new OutputTail(10);
    tail.append("abc");
    tail.append("def");

    assertThat(tail).hasToString("abcdef");
    assertThat(tail.overwritten()).isZero();
  }

  @Test
  void keepsTheLastCharactersAndCountsTheOnesItLetGo() {
    OutputTail tail = new OutputTail(5);
    tail.append("abcd");
    tail.append("efg");
    tail.append("hi");

    assertThat(tail).hasToString("efghi");
    assertThat(tail.overwritten()).isEqualTo(4);
  }

  @Test
  void aWriteLongerThanTheTailKeepsItsEnd() {
    OutputTail tail = new OutputTail(4);
    tail.append("ab");
    tail.append("0123456789");

    assertThat(tail).hasToString("6789");
    assertThat(tail.overwritten()).isEqualTo(8);
  }

  @Test
  void clearStartsAfresh() {
    OutputTail tail = new OutputTail(3);
    tail.append("abcdef");
    tail.clear();
    tail.append("x");

    assertThat(tail).hasToString("x");
    assertThat(tail.overwritten()).isZero();
    assertThat(tail.isEmpty()).isFalse();
  }
}

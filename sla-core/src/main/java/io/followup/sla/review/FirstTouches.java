package io.followup.sla.review;

import java.time.Duration;

/**
 * A rep's first-touch clocks in one week: leads handed off (clocks started), leads touched (clocks
 * satisfied, in time or late) and the time from hand-off to first touch summed over the touched,
 * each time counted in its clock's calendar. Counted by when each event was folded, as the rest of
 * the week's counts are, so a lead handed off on Friday and touched on Monday counts in two weeks.
 */
public record FirstTouches(int handedOff, int touched, long firstTouchMillis) {

  public static final FirstTouches NONE = new FirstTouches(0, 0, 0);
  static final FirstTouches ONE_HANDED_OFF = new FirstTouches(1, 0, 0);

  static FirstTouches oneTouched(Duration toFirstTouch) {
    return new FirstTouches(0, 1, toFirstTouch.toMillis());
  }

  public FirstTouches plus(FirstTouches other) {
    return new FirstTouches(
        handedOff + other.handedOff,
        touched + other.touched,
        firstTouchMillis + other.firstTouchMillis);
  }

  /** The mean time to first touch, or null when nothing was touched. */
  public Duration mean() {
    return touched == 0 ? null : Duration.ofMillis(firstTouchMillis / touched);
  }
}

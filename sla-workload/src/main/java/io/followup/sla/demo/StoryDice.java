package io.followup.sla.demo;

import io.followup.sla.demo.LifeSciencesCast.CompanyName;
import io.followup.sla.demo.LifeSciencesCast.Focus;
import io.followup.sla.demo.LifeSciencesCast.Persona;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The draws the demo and the generated history make alike, from one seeded generator. A story's
 * output depends on the exact sequence of calls on the generator, so each draw here consumes it
 * exactly as the story did when it drew on its own; change one and every seeded story changes.
 */
public final class StoryDice {

  private final SplittableRandom random;

  public StoryDice(long seed) {
    this.random = new SplittableRandom(seed);
  }

  public double nextDouble() {
    return random.nextDouble();
  }

  public boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** Uniform in [lo, hi], both included. */
  public long between(long lo, long hi) {
    return hi <= lo ? lo : lo + random.nextLong(hi - lo + 1);
  }

  /**
   * Uniform in [lo, hi], both included, drawn as an int: not the same draw as {@link #between(long,
   * long)}, hence its own name, so that an int argument never silently picks the other.
   */
  public int betweenInt(int lo, int hi) {
    return hi <= lo ? lo : lo + random.nextInt(hi - lo + 1);
  }

  public <T> T pick(List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  public <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      Collections.swap(list, i, random.nextInt(i + 1));
    }
  }

  /** Every stem with every suffix, in a shuffled order. */
  public List<CompanyName> companyNames(List<String> stems) {
    List<CompanyName> names = new ArrayList<>();
    for (String stem : stems) {
      for (Focus focus : LifeSciencesCast.NAME_SUFFIXES) {
        names.add(new CompanyName(stem + " " + focus.suffix(), focus.focus()));
      }
    }
    shuffle(names);
    return names;
  }

  /** A first and last name not yet in {@code taken}, which it joins. */
  public String drawName(Set<String> taken) {
    String name;
    do {
      name = pick(LifeSciencesCast.FIRST_NAMES) + " " + pick(LifeSciencesCast.LAST_NAMES);
    } while (!taken.add(name));
    return name;
  }

  public String drawSource() {
    int total = 0;
    for (int w : LifeSciencesCast.SOURCE_WEIGHTS) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int i = 0; i < LifeSciencesCast.SOURCES.size(); i++) {
      r -= LifeSciencesCast.SOURCE_WEIGHTS.get(i);
      if (r < 0) {
        return LifeSciencesCast.SOURCES.get(i);
      }
    }
    throw new IllegalStateException("source weights");
  }

  public String priorityFor(String source) {
    return switch (source) {
      case LifeSciencesCast.RFP_REQUEST, LifeSciencesCast.REFERRAL -> "HOT";
      case LifeSciencesCast.INBOUND_FORM -> chance(0.3) ? "HOT" : "WARM";
      case LifeSciencesCast.TRADE_SHOW -> "WARM";
      case LifeSciencesCast.WEBINAR -> chance(0.6) ? "WARM" : "COLD";
      case LifeSciencesCast.PURCHASED_LIST -> chance(0.5) ? null : "COLD";
      default -> "COLD";
    };
  }

  public String drawFirstChannel() {
    double r = random.nextDouble();
    return r < 0.6 ? "EMAIL" : r < 0.85 ? "CALL" : "LINKEDIN";
  }

  /** The channel of touch {@code touchIndex} (from 1): meetings only once there is a history. */
  public String drawLaterChannel(int touchIndex) {
    double r = random.nextDouble();
    if (r < 0.45) {
      return "EMAIL";
    } else if (r < 0.70) {
      return "CALL";
    } else if (r < 0.82) {
      return "VOICEMAIL";
    } else if (r < 0.94) {
      return "LINKEDIN";
    } else if (r < 0.98) {
      return touchIndex >= 2 ? "MEETING" : "CALL";
    }
    return "SMS";
  }

  /** A subject written to {@code persona} at {@code account}, whose business is {@code focus}. */
  public String personalSubject(Persona persona, String account, String focus, String channel) {
    String topic = pick(persona.topics()).replace("{account}", account).replace("{focus}", focus);
    return LifeSciencesCast.withChannel(channel, topic);
  }
}

package io.followup.sla.rules;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An account's members by leadId, in the order they joined: an immutable map over one array.
 *
 * <p>Why not a copied LinkedHashMap: every member event of a lead in an account gives the account a
 * new state with one member changed, and a buying group has a handful of members (about seven), so
 * copying one small array beats copying a hashed, linked table of entries, and a scan of a few
 * members finds one as fast as a hash does.
 */
final class MemberMap extends AbstractMap<String, BuyingGroupMember> {

  static final MemberMap EMPTY = new MemberMap(new BuyingGroupMember[0]);

  private final BuyingGroupMember[] members;
  private List<BuyingGroupMember> values;

  private MemberMap(BuyingGroupMember[] members) {
    this.members = members;
  }

  /**
   * The members in the order given; a later view of the same lead replaces the earlier in place.
   */
  static MemberMap of(Iterable<BuyingGroupMember> members) {
    MemberMap map = EMPTY;
    for (BuyingGroupMember m : members) {
      map = map.with(m);
    }
    return map;
  }

  /** With {@code member} in place of the view of the same lead, or added last. */
  MemberMap with(BuyingGroupMember member) {
    int at = indexOf(member.leadId());
    BuyingGroupMember[] next;
    if (at >= 0) {
      next = members.clone();
      next[at] = member;
    } else {
      next = Arrays.copyOf(members, members.length + 1);
      next[members.length] = member;
    }
    return new MemberMap(next);
  }

  private int indexOf(Object leadId) {
    for (int i = 0; i < members.length; i++) {
      if (members[i].leadId().equals(leadId)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public BuyingGroupMember get(Object leadId) {
    int at = indexOf(leadId);
    return at < 0 ? null : members[at];
  }

  @Override
  public boolean containsKey(Object leadId) {
    return indexOf(leadId) >= 0;
  }

  @Override
  public int size() {
    return members.length;
  }

  /** The members in the order they joined; unmodifiable. */
  @Override
  public Collection<BuyingGroupMember> values() {
    List<BuyingGroupMember> view = values;
    if (view == null) {
      view = Collections.unmodifiableList(Arrays.asList(members));
      values = view;
    }
    return view;
  }

  @Override
  public Set<Entry<String, BuyingGroupMember>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, BuyingGroupMember>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < members.length;
          }

          @Override
          public Entry<String, BuyingGroupMember> next() {
            if (next >= members.length) {
              throw new NoSuchElementException();
            }
            BuyingGroupMember m = members[next++];
            return new SimpleImmutableEntry<>(m.leadId(), m);
          }
        };
      }

      @Override
      public int size() {
        return members.length;
      }
    };
  }
}

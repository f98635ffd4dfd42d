package org.xensim.sched.credit;

// models list_add() and the other helpers of xen/include/xen/list.h
/**
 * An intrusive, circular, doubly-linked list node: Xen's {@code struct list_head}
 * ({@code xen/include/xen/list.h}). The same class is the sentinel head of a list and the link
 * embedded in each element, so membership tests and removals are O(1) and nothing is allocated
 * while the simulation runs. Credit's runqueues, active-vCPU lists and the active-domain list are
 * ordered lists whose exact order is observable, so they are kept as Xen keeps them.
 *
 * @param <T> the element type
 */
final class ListHead<T> {
  private final T owner;
  private ListHead<T> prev = this;
  private ListHead<T> next = this;

  private ListHead(T owner) {
    this.owner = owner;
  }

  /** A list head ({@code LIST_HEAD_INIT}): the sentinel of an empty list. */
  static <T> ListHead<T> head() {
    return new ListHead<>(null);
  }

  /** The link embedded in {@code owner} ({@code INIT_LIST_HEAD} of a member field). */
  static <T> ListHead<T> elem(T owner) {
    return new ListHead<>(owner);
  }

  /** The element this link is embedded in ({@code list_entry}); null for a sentinel. */
  T owner() {
    return owner;
  }

  ListHead<T> next() {
    return next;
  }

  ListHead<T> prev() {
    return prev;
  }

  /**
   * {@code list_empty()}: for a head, whether the list is empty; for an element link, whether it
   * is on no list (links are always removed with {@link #delInit()}).
   */
  boolean isEmpty() {
    return next == this;
  }

  /** The first element of the list this head starts, or null ({@code list_first_entry}). */
  T first() {
    return next.owner;
  }

  /** {@code list_add(this, pos)}: inserts this link right after {@code pos}. */
  void addAfter(ListHead<T> pos) {
    link(pos, pos.next);
  }

  /** {@code list_add_tail(this, pos)}: inserts this link right before {@code pos}. */
  void addBefore(ListHead<T> pos) {
    link(pos.prev, pos);
  }

  private void link(ListHead<T> before, ListHead<T> after) {
    after.prev = this;
    this.next = after;
    this.prev = before;
    before.next = this;
  }

  /** {@code list_del_init()}: unlinks this link and leaves it on no list. */
  void delInit() {
    prev.next = next;
    next.prev = prev;
    prev = this;
    next = this;
  }

  /** The number of elements of the list this head starts (for tests and summaries). */
  int size() {
    int n = 0;
    for (ListHead<T> it = next; it != this; it = it.next) {
      n++;
    }
    return n;
  }
}

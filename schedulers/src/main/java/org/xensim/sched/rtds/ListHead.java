package org.xensim.sched.rtds;

// models list_add() and the other helpers of xen/include/xen/list.h
/**
 * Xen's {@code struct list_head}: an intrusive, circular, doubly linked list node. A queue is a
 * sentinel node ({@link #owner} null); each {@link RtVcpu} owns one node per queue kind, so queue
 * operations allocate nothing and keep exactly the order Xen's list operations give.
 */
public final class ListHead {
  /** The vCPU this node belongs to; null for a queue's head. */
  final RtVcpu owner;
  ListHead prev;
  ListHead next;

  ListHead(RtVcpu owner) {
    this.owner = owner;
    this.prev = this;
    this.next = this;
  }

  /** A new empty queue ({@code LIST_HEAD_INIT}). */
  static ListHead newQueue() {
    return new ListHead(null);
  }

  /** The vCPU this node belongs to; null for a queue's head. */
  public RtVcpu owner() {
    return owner;
  }

  /** The next node ({@code ->next}); the head again at the end of a queue. */
  public ListHead next() {
    return next;
  }

  /** {@code list_empty()}: for a node, "not on any queue". */
  public boolean isEmpty() {
    return next == this;
  }

  /** {@code list_add(this, head)}: inserts this node right after {@code head}. */
  void add(ListHead head) {
    link(head, head.next);
  }

  /** {@code list_add_tail(this, head)}: inserts this node right before {@code head}. */
  void addTail(ListHead head) {
    link(head.prev, head);
  }

  private void link(ListHead before, ListHead after) {
    after.prev = this;
    this.next = after;
    this.prev = before;
    before.next = this;
  }

  /** {@code list_del_init()}: unlinks this node; a no-op on a node that is on no queue. */
  void delInit() {
    prev.next = next;
    next.prev = prev;
    prev = this;
    next = this;
  }

  /** The first element's owner of a non-empty queue. */
  RtVcpu first() {
    return next.owner;
  }

  /**
   * Models {@code deadline_queue_insert()}: inserts {@code elem} (a node of {@code svc}) before
   * the first element whose deadline is {@code >=} svc's, so equal deadlines are LIFO.
   *
   * @return true if it became the first element
   */
  static boolean deadlineQueueInsert(RtVcpu svc, ListHead elem, ListHead queue) {
    ListHead iter = queue.next;
    boolean first = true;
    while (iter != queue) {
      if (svc.curDeadline <= iter.owner.curDeadline) {
        break;
      }
      first = false;
      iter = iter.next;
    }
    elem.addTail(iter);
    return first;
  }

  /**
   * Models {@code deadline_queue_remove()}.
   *
   * @return true if {@code elem} was the first element of {@code queue}
   */
  static boolean deadlineQueueRemove(ListHead queue, ListHead elem) {
    boolean first = queue.next == elem;
    elem.delInit();
    return first;
  }
}

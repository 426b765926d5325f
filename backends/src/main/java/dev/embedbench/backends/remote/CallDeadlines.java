package dev.embedbench.backends.remote;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The deadlines of one event loop's calls to one target. A target has one timeout, so calls expire
 * in the order they started: a linked list in start order replaces a scheduled task per call, and
 * one check per tick expires every call at the head that is due. Adding and removing a call are
 * O(1); a task per call cost a priority-queue removal on every answer (3.6% of the gateway's CPU
 * samples). A deadline fires at most one tick late. Used only from its loop.
 */
final class CallDeadlines {

  /** A call that can expire; linked into its loop's list while it runs. */
  abstract static class Entry {
    private long deadlineNanos;
    private Entry previous;
    private Entry next;
    private boolean listed;

    /** The deadline passed: called once, on the loop, after the entry left the list. */
    abstract void expire();
  }

  private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final EventLoop loop;
  private final long timeoutNanos;
  private final long tickNanos;
  private Entry head;
  private Entry tail;
  private boolean checkScheduled;

  CallDeadlines(EventLoop loop, Duration timeout) {
    this.loop = loop;
    this.timeoutNanos = timeout.toNanos();
    this.tickNanos = Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, timeoutNanos / 20));
  }

  void add(Entry entry) {
    entry.deadlineNanos = System.nanoTime() + timeoutNanos;
    entry.previous = tail;
    entry.next = null;
    if (tail == null) {
      head = entry;
    } else {
      tail.next = entry;
    }
    tail = entry;
    entry.listed = true;
    if (!checkScheduled) {
      scheduleCheck(timeoutNanos);
    }
  }

  void remove(Entry entry) {
    if (!entry.listed) {
      return;
    }
    entry.listed = false;
    if (entry.previous == null) {
      head = entry.next;
    } else {
      entry.previous.next = entry.next;
    }
    if (entry.next == null) {
      tail = entry.previous;
    } else {
      entry.next.previous = entry.previous;
    }
    entry.previous = null;
    entry.next = null;
  }

  private void scheduleCheck(long delayNanos) {
    checkScheduled = true;
    loop.schedule(this::check, delayNanos, TimeUnit.NANOSECONDS);
  }

  private void check() {
    long now = System.nanoTime();
    // checkScheduled stays true meanwhile: a call that an expiry starts schedules nothing of its
    // own.
    while (head != null && head.deadlineNanos - now <= 0) {
      Entry due = head;
      remove(due);
      due.expire();
    }
    checkScheduled = false;
    if (head != null) {
      scheduleCheck(Math.max(tickNanos, head.deadlineNanos - now));
    }
  }
}

package org.communityplaces.notifications.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads of one channel, given addresses rather than single deliveries: an address taken
 * is worked through on one thread, oldest due first, so a slow receiver holds one thread and
 * delays only what is going to it. Each address is in hand at most once per instance, and a
 * delivery is claimed in the store only when its turn comes, so none is claimed twice while it
 * waits. When every thread is busy and the bounded queue is full the lane takes no more: what
 * it refuses stays due in the store for the next sweep.
 */
final class DeliveryLane {

	private final ThreadPoolTaskExecutor threads;

	private final int room;

	private final Set<String> inHand = ConcurrentHashMap.newKeySet();

	DeliveryLane(ThreadPoolTaskExecutor threads) {
		this.threads = threads;
		this.room = threads.getMaxPoolSize() + threads.getQueueCapacity();
	}

	/**
	 * @param workThrough sends what is due to the address, on one of the lane's threads
	 * @return false when the lane is full and the address was not taken
	 */
	boolean take(String address, Consumer<String> workThrough) {
		if (!inHand.add(address)) {
			return true;
		}
		if (inHand.size() > room) {
			inHand.remove(address);
			return false;
		}
		try {
			threads.execute(() -> {
				try {
					workThrough.accept(address);
				}
				finally {
					inHand.remove(address);
				}
			});
			return true;
		}
		catch (TaskRejectedException stopping) {
			inHand.remove(address);
			return false;
		}
	}

	/** The addresses queued or being worked through now, which a sweep need not look at. */
	Set<String> inHand() {
		return Set.copyOf(inHand);
	}

	boolean full() {
		return inHand.size() >= room;
	}

}

package org.communityplaces.notifications.delivery;

import java.util.List;

/** Published in-process once new notifications are stored, so they are delivered at once. */
record NotificationsCreated(List<Notification> notifications) {
}

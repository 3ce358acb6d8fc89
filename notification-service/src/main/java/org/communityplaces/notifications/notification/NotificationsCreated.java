package org.communityplaces.notifications.notification;

import java.util.List;

/** Published in-process once new notifications are stored, so they are delivered at once. */
public record NotificationsCreated(List<String> ids) {
}

package org.communityplaces.places.place;

enum PlaceKind {

	PUB, SHOP, COMMUNITY_GROUP, INTERGENERATIONAL_SCHEME

}

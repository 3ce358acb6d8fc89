package org.communityplaces.places.place;

import org.springframework.data.mongodb.repository.MongoRepository;

interface PlaceRepository extends MongoRepository<Place, String> {

}

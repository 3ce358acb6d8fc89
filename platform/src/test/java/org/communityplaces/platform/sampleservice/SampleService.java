package org.communityplaces.platform.sampleservice;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A small service built on the platform, as the real ones are, for the platform's own behaviour tests. */
@SpringBootApplication
class SampleService {

}

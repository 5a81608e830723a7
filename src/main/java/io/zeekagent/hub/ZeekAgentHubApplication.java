package io.zeekagent.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Zeek Agent Hub: the control plane for Zeek Agents, one Spring Boot service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ZeekAgentHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZeekAgentHubApplication.class, args);
    }
}

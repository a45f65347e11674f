# The vocstream image: the application (vocstream.jar, the default command) and the simulator
# (vocstream-producers.jar). Build the jars first: mvn -q -DskipTests package
FROM eclipse-temurin:17.0.14_7-jre-jammy

RUN useradd --system --uid 10001 --home-dir /var/lib/vocstream --create-home vocstream
COPY streams-app/target/vocstream.jar producers/target/vocstream-producers.jar /opt/vocstream/

USER vocstream
WORKDIR /var/lib/vocstream
# state (Kafka Streams stores) lives under the data directory: a volume keeps it across restarts
ENV VOCSTREAM_DATA_DIR=/var/lib/vocstream \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 7070
ENTRYPOINT ["java", "-jar", "/opt/vocstream/vocstream.jar"]
CMD ["run"]

package io.jets.dynamodb.local.clients;

import software.amazon.awssdk.enhanced.dynamodb.mapper.Order;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** A score mapped with a multi-attribute global index key: (tournament, region) and then (round, points). */
@DynamoDbBean
public class GameScore {

    public static final String LEADERBOARD = "leaderboard";

    private String id;
    private String tournament;
    private String region;
    private String round;
    private Integer points;

    public GameScore() {
    }

    public GameScore(String id, String tournament, String region, String round, int points) {
        this.id = id;
        this.tournament = tournament;
        this.region = region;
        this.round = round;
        this.points = points;
    }

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = LEADERBOARD, order = Order.FIRST)
    public String getTournament() {
        return tournament;
    }

    public void setTournament(String tournament) {
        this.tournament = tournament;
    }

    @DynamoDbSecondaryPartitionKey(indexNames = LEADERBOARD, order = Order.SECOND)
    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    @DynamoDbSecondarySortKey(indexNames = LEADERBOARD, order = Order.FIRST)
    public String getRound() {
        return round;
    }

    public void setRound(String round) {
        this.round = round;
    }

    @DynamoDbSecondarySortKey(indexNames = LEADERBOARD, order = Order.SECOND)
    public Integer getPoints() {
        return points;
    }

    public void setPoints(Integer points) {
        this.points = points;
    }
}

package io.jets.dynamodb.local.clients;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbFlatten;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbIgnoreNulls;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPreserveEmptyObject;

/** A profile with nested beans: a map-valued address, a flattened audit, lists and maps of beans. */
@DynamoDbBean
public class Profile {

    private String id;
    private Address address;
    private Address billing;
    private Audit audit;
    private List<Address> previous;
    private Map<String, Address> named;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Address getAddress() {
        return address;
    }

    public void setAddress(Address address) {
        this.address = address;
    }

    @DynamoDbPreserveEmptyObject
    @DynamoDbIgnoreNulls
    public Address getBilling() {
        return billing;
    }

    public void setBilling(Address billing) {
        this.billing = billing;
    }

    @DynamoDbFlatten
    public Audit getAudit() {
        return audit;
    }

    public void setAudit(Audit audit) {
        this.audit = audit;
    }

    public List<Address> getPrevious() {
        return previous;
    }

    public void setPrevious(List<Address> previous) {
        this.previous = previous;
    }

    public Map<String, Address> getNamed() {
        return named;
    }

    public void setNamed(Map<String, Address> named) {
        this.named = named;
    }

    /** A postal address, stored as a map attribute. */
    @DynamoDbBean
    public static class Address {
        private String city;
        private String zip;
        private Geo geo;

        public Address() {
        }

        public Address(String city, String zip) {
            this.city = city;
            this.zip = zip;
        }

        public String getCity() {
            return city;
        }

        public void setCity(String city) {
            this.city = city;
        }

        public String getZip() {
            return zip;
        }

        public void setZip(String zip) {
            this.zip = zip;
        }

        public Geo getGeo() {
            return geo;
        }

        public void setGeo(Geo geo) {
            this.geo = geo;
        }
    }

    /** Coordinates, a map inside the address map. */
    @DynamoDbBean
    public static class Geo {
        private Double lat;
        private Double lon;

        public Double getLat() {
            return lat;
        }

        public void setLat(Double lat) {
            this.lat = lat;
        }

        public Double getLon() {
            return lon;
        }

        public void setLon(Double lon) {
            this.lon = lon;
        }
    }

    /** Who last changed the profile; its attributes sit at the top level of the item. */
    @DynamoDbBean
    public static class Audit {
        private String changedBy;
        private Long changedAt;

        public String getChangedBy() {
            return changedBy;
        }

        public void setChangedBy(String changedBy) {
            this.changedBy = changedBy;
        }

        public Long getChangedAt() {
            return changedAt;
        }

        public void setChangedAt(Long changedAt) {
            this.changedAt = changedAt;
        }
    }
}

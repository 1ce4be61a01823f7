package cn.wenming.practice.activity;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

/** Inserted once per need (primary key), never changed. */
@Mapper
interface ProjectNeedRatingMapper extends BaseMapper<ProjectNeedRating> {

}
